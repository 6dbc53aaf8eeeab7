package io.porterbench.boot.actuate;

import io.porterbench.boot.actuate.PorterBenchEndpoint.BenchDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link PorterBenchEndpoint}:
 * resetting an unknown benchmarker answers 404 rather than 204.
 */
@EndpointWebExtension(endpoint = PorterBenchEndpoint.class)
public class PorterBenchEndpointWebExtension {

	private final PorterBenchEndpoint delegate;

	/**
	 * An extension of the given endpoint.
	 * @param delegate the endpoint
	 */
	public PorterBenchEndpointWebExtension(PorterBenchEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Resets one benchmarker.
	 * @param name the benchmarker's name
	 * @return its summary after the reset, or 404 when no benchmarker has that name
	 */
	@DeleteOperation
	public WebEndpointResponse<BenchDescriptor> reset(@Selector String name) {
		BenchDescriptor reset = this.delegate.reset(name);
		return (reset != null) ? new WebEndpointResponse<>(reset)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
