package io.porterbench.boot.testapp;

/**
 * Stands in for work that takes time.
 */
final class Work {

	private Work() {
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
