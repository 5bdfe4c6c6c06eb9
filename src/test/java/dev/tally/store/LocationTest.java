package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a server's address becomes what the driver is given: the schema taken out, every other parameter passed as it is. */
class LocationTest {
    @Test
    void sslAndTheDriversOtherParametersPassThroughAndTheSchemaDefaultsToTally() {
        Location.Server s = Location.server("postgresql://tally@db.tinh.local:5433/thongke?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem", "tally.yaml");
        assertThat(s.schema()).isEqualTo(Location.DEFAULT_SCHEMA).isEqualTo("tally");
        assertThat(s.user()).isEqualTo("tally");
        assertThat(s.params()).isEqualTo(Map.of("sslmode", "verify-full", "sslrootcert", "/etc/ssl/ca.pem"));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.tinh.local:5433/thongke?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Fca.pem");
    }

    @Test
    void aSchemaOfItsOwnIsNotADriverParameter() {
        Location.Server s = Location.server("postgresql://10.0.0.5/thongke?schema=huyen_lucnam&sslmode=require", "TALLY_STORE");
        assertThat(s.schema()).isEqualTo("huyen_lucnam");
        assertThat(s.user()).isNull();
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5/thongke?sslmode=require");
    }
}
