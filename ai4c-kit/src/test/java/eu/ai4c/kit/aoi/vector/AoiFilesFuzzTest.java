package eu.ai4c.kit.aoi.vector;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;

/**
 * Any bytes given as a Shapefile ({@code .shp}), KML or GeoPackage area of interest either give a
 * geometry or are refused with {@link Ai4cException} and a message; never another exception,
 * never a hang. {@code mvn verify} runs the kept inputs of {@code AoiFilesFuzzTestInputs/<method>/}
 * (the GeoJSON seeds of {@link GeoJsonFuzzTest} converted with ogr2ogr, see the README there) and
 * findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AoiFilesFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void shapefile(byte[] data) {
        try {
            ShapefileReader.read(FuzzInput.file(data, ".shp"));
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void kml(byte[] data) {
        try {
            KmlReader.read(FuzzInput.file(data, ".kml"));
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void geoPackage(byte[] data) {
        try {
            GeoPackageReader.read(FuzzInput.file(data, ".gpkg"));
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
