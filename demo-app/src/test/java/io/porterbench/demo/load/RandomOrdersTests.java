package io.porterbench.demo.load;

import java.util.ArrayList;
import java.util.List;

import io.porterbench.demo.orders.InvalidOrderException;
import io.porterbench.demo.orders.OrderRequest;
import io.porterbench.demo.orders.OrderValidator;
import io.porterbench.demo.orders.PricingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

class RandomOrdersTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.addScripts("schema.sql", "data.sql")
		.build();

	@AfterEach
	void shutDown() {
		this.database.shutdown();
	}

	@Test
	void sameSeedGivesTheSameOrders() {
		assertThat(take(new RandomOrders(7), 50)).isEqualTo(take(new RandomOrders(7), 50))
			.isNotEqualTo(take(new RandomOrders(8), 50));
	}

	@Test
	void mostOrdersPassAndAFewFailInValidateOrInPrice() {
		OrderValidator validator = new OrderValidator();
		PricingService pricing = new PricingService(JdbcClient.create(this.database));
		int placed = 0;
		int rejectedByValidate = 0;
		int rejectedByPrice = 0;
		for (OrderRequest order : take(new RandomOrders(LoadGenerator.SEED), 1000)) {
			try {
				validator.validate(order);
			}
			catch (InvalidOrderException ex) {
				rejectedByValidate++;
				continue;
			}
			try {
				pricing.price(order);
				placed++;
			}
			catch (InvalidOrderException ex) {
				rejectedByPrice++;
			}
		}
		assertThat(placed).isBetween(880, 960);
		assertThat(rejectedByValidate).isBetween(20, 70);
		assertThat(rejectedByPrice).isBetween(20, 70);
	}

	@Test
	void everySkuTheGeneratorUsesIsInTheCatalogue() {
		List<String> catalogue = JdbcClient.create(this.database)
			.sql("SELECT sku FROM product")
			.query(String.class)
			.list();
		assertThat(catalogue).containsExactlyInAnyOrderElementsOf(RandomOrders.SKUS);
	}

	private static List<OrderRequest> take(RandomOrders orders, int count) {
		List<OrderRequest> taken = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			taken.add(orders.next());
		}
		return taken;
	}

}
