package io.porterbench.demo.orders;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pricing against the demo's own schema and catalogue, in a real embedded H2 database.
 */
class PricingServiceTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.addScripts("schema.sql", "data.sql")
		.build();

	private final PricingService pricing = new PricingService(JdbcClient.create(this.database));

	@AfterEach
	void shutDown() {
		this.database.shutdown();
	}

	@Test
	void smallOrderPaysTheCataloguePrice() {
		Pricing priced = this.pricing.price(order(null, new OrderLine("BEN-001", 2), new OrderLine("TAP-001", 1)));
		assertThat(priced.subtotal()).isEqualByComparingTo("47.29");
		assertThat(priced.discount()).isEqualByComparingTo("0");
		assertThat(priced.total()).isEqualByComparingTo("47.29");
		assertThat(priced.discounts()).isEmpty();
		assertThat(priced.itemCount()).isEqualTo(3);
		assertThat(priced.lines()).extracting(Pricing.PricedLine::unitPrice)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("19.90"), new BigDecimal("7.49"));
	}

	@Test
	void tenItemsOrMoreGetTheVolumeDiscount() {
		Pricing priced = this.pricing.price(order(null, new OrderLine("GAU-002", 10)));
		assertThat(priced.subtotal()).isEqualByComparingTo("99.50");
		assertThat(priced.discount()).isEqualByComparingTo("4.98");
		assertThat(priced.total()).isEqualByComparingTo("94.52");
		assertThat(priced.discounts()).containsExactly("5% off for 10 items or more");
	}

	@Test
	void couponAppliesToWhatTheVolumeDiscountLeaves() {
		Pricing priced = this.pricing.price(order("WELCOME10", new OrderLine("BEN-001", 10)));
		// 199.00 - 9.95 (5%) = 189.05; 10% of that is 18.905, rounded half-even to 18.90.
		assertThat(priced.discount()).isEqualByComparingTo("28.85");
		assertThat(priced.total()).isEqualByComparingTo("170.15");
		assertThat(priced.discounts()).containsExactly("5% off for 10 items or more", "coupon WELCOME10");
	}

	@Test
	void unknownProductsAndCouponsAreAllReported() {
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> this.pricing.price(order("FREEBIES", new OrderLine("ZZZ-999", 1),
					new OrderLine("BEN-001", 1), new OrderLine("ZZZ-998", 1))))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("unknown product ZZZ-999",
					"unknown product ZZZ-998", "unknown coupon FREEBIES"));
	}

	@Test
	void pricingManyOrdersKeepsNoConnection() {
		// A query stream that is never closed keeps its connection: the pool would run
		// dry after a few orders.
		for (int i = 0; i < 50; i++) {
			this.pricing.price(order(null, new OrderLine("CLK-001", 1)));
		}
		Long open = JdbcClient.create(this.database)
			.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")
			.query(Long.class)
			.single();
		assertThat(open).isEqualTo(1);
	}

	private static OrderRequest order(String coupon, OrderLine... lines) {
		return new OrderRequest("ada@example.com", List.of(lines), coupon);
	}

}
