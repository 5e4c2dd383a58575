package eu.ai4c.desktop.actions;

import eu.ai4c.kit.op.MenuPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.ai4c.kit.op.OperatorRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each known operator lands where SNAP users look for it. */
class MenuPathsTest {

    @Test
    void knownOperatorsAreWhereSnapUsersExpectThem() {
        Map<String, String> expected = Map.of(
                "S1-GRD-preprocess", "Radar/AI4Copernicus",
                "S1-SLC-preprocess", "Radar/AI4Copernicus",
                "S1-CD", "Radar/AI4Copernicus",
                "Speckle-Filter", "Radar/AI4Copernicus",
                "S2-preprocess", "Optical/AI4Copernicus",
                "S2-CD", "Raster/Change Detection",
                "Warp", "Raster/Geometric",
                "humanfeatures-query", "Vector/AI4Copernicus",
                "aqgan-predict", "Raster/AI4Copernicus/Air Quality",
                "AQ-Downscale", "Raster/AI4Copernicus/Air Quality");
        OperatorRegistry registry = OperatorRegistry.load();
        expected.forEach((alias, path) ->
                assertEquals(path, MenuPaths.forCategory(registry.get(alias).descriptor().category()), alias));
    }

    @Test
    void thematicGroupsAndUnknownCategories() {
        assertEquals("Optical/AI4Copernicus/Agriculture", MenuPaths.forCategory("Agriculture"));
        assertEquals("Optical/AI4Copernicus/Agriculture/Crop Mapping", MenuPaths.forCategory("Agriculture/Crop Mapping"));
        assertEquals("Raster/AI4Copernicus/Air Quality", MenuPaths.forCategory("Air Quality"));
        assertEquals("Radar/AI4Copernicus", MenuPaths.forCategory("Radar/Interferometric"));
        assertEquals("Raster/AI4Copernicus", MenuPaths.forCategory("Raster"));
        assertEquals("Raster/AI4Copernicus/Energy", MenuPaths.forCategory("Energy"));
        assertEquals("Raster/AI4Copernicus", MenuPaths.forCategory(""));
        assertEquals("Vector/AI4Copernicus", MenuPaths.forCategory("Vector"));
    }
}
