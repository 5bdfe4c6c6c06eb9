package dev.tally.validate;

import dev.tally.config.CatalogLoader;
import dev.tally.config.UnitsLoader;
import dev.tally.model.Catalog;
import dev.tally.model.Hierarchy;
import java.nio.file.Path;
import java.util.List;

/** The small test project under src/test/resources/data, loaded once for the validate tests. */
final class TestProject {
    private TestProject() {}

    static final Hierarchy H = UnitsLoader.load(Path.of("src/test/resources/data/units.csv"), List.of("province", "district", "commune"));
    static final Catalog C = CatalogLoader.load(Path.of("src/test/resources/data/catalog.yaml"), H.levels());
}
