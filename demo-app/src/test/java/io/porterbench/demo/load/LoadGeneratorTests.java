package io.porterbench.demo.load;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorTests {

	@Test
	void targetsTheOrdersOfTheLoopbackAddressOnTheGivenPort() throws Exception {
		assertThat(LoadGenerator.ordersUri(InetAddress.getByName("127.0.0.1"), 8080))
			.hasToString("http://127.0.0.1:8080/orders");
	}

	@Test
	void bracketsAnIpv6LoopbackAddress() throws Exception {
		assertThat(LoadGenerator.ordersUri(InetAddress.getByName("::1"), 43210))
			.hasToString("http://[0:0:0:0:0:0:0:1]:43210/orders");
	}

}
