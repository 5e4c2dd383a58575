package eu.ai4c.desktop.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open Demo Data: the demo's inputs made once in a folder and opened as products. */
class DemoDataTest {

    @Test
    void theDemoInputsAreMadeOnceAndOpen(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("demo-data");
        List<String> steps = new ArrayList<>();
        List<Path> made = DemoData.write(folder, steps::add);
        assertEquals(2, made.size());
        assertEquals(List.of(DemoData.SCENE, made.get(1).getFileName().toString()), steps);
        OpenProducts products = new OpenProducts();
        OpenProduct scene = products.open(made.get(0));
        assertEquals("GeoTIFF", scene.format());
        assertEquals(List.of(1200, 1200, 4), List.of(scene.product().raster().width(), scene.product().raster().height(),
                scene.bands().size()));
        MapGeoCoding grid = (MapGeoCoding) scene.product().raster().geoCoding();
        assertEquals(32633, grid.crsEpsgCode().getAsInt());
        OpenProduct grd = products.open(made.get(1));
        assertEquals("SENTINEL-1 SAFE", grd.format());
        assertEquals(List.of("Amplitude_VV", "Amplitude_VH"), grd.bandNames());
        assertEquals(List.of(1600, 1200), List.of(grd.product().raster().width(), grd.product().raster().height()));
        assertTrue(grd.name().contains("_IW_GRDH_1SDV_"), grd.name());
        // a second time the products already there are kept, not made again
        FileTime before = Files.getLastModifiedTime(made.get(0));
        Files.setLastModifiedTime(made.get(0), FileTime.fromMillis(before.toMillis() - 60_000));
        assertEquals(made, DemoData.write(folder, s -> { }));
        assertEquals(before.toMillis() - 60_000, Files.getLastModifiedTime(made.get(0)).toMillis());
    }
}
