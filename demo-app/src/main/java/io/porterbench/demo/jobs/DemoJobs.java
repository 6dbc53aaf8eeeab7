package io.porterbench.demo.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the pipeline and the training job once the application is up, on a background
 * thread, so the web server answers at once and the jobs' charts fill in while you watch.
 *
 * <p>
 * Both jobs run on the same thread, one after the other: iterations belong to the thread
 * that opens them, and the two benchmarkers are independent, so either order works. On
 * shutdown the thread is interrupted before the beans are destroyed, so the starter's
 * shutdown save sees the jobs at rest.
 */
@Component
public class DemoJobs implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoJobs.class);

	private final PipelineJob pipeline;

	private final TrainingJob training;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "demo-jobs");
		thread.setDaemon(true);
		return thread;
	});

	DemoJobs(PipelineJob pipeline, TrainingJob training) {
		this.pipeline = pipeline;
		this.training = training;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.executor.execute(this::runJobs);
	}

	private void runJobs() {
		try {
			this.pipeline.run();
			if (!Thread.currentThread().isInterrupted()) {
				this.training.run();
			}
		}
		catch (RuntimeException ex) {
			logger.error("A demo job failed", ex);
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stop() throws InterruptedException {
		this.executor.shutdownNow();
		if (!this.executor.awaitTermination(5, TimeUnit.SECONDS)) {
			logger.warn("The demo jobs did not stop within 5 seconds; shutting down anyway");
		}
	}

}
