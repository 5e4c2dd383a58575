package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Geocoding, band names and metadata of GDAL-written GeoTIFFs, checked against gdalinfo and gdaltransform. */
class GeoTiffGeoCodingTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Product read(Path tif) throws IOException {
        return new GeoTiffReader(0, warnings::add).read(tif);
    }

    @Test
    void pixelIsPointShiftsOriginHalfAPixelLikeGdal() throws IOException {
        Path raw = GdalFiles.byteImage(dir, "p", 20, 10, 1, null);
        Path tif = GdalFiles.translate(raw, dir.resolve("point.tif"), "-a_srs", "EPSG:32633",
                "-a_ullr", "500000", "4600000", "500200", "4599900", "-mo", "AREA_OR_POINT=Point");
        JsonNode info = GdalFiles.info(tif);
        assertEquals("Point", info.path("metadata").path("").path("AREA_OR_POINT").asText());
        MapGeoCoding gc = assertInstanceOf(MapGeoCoding.class, read(tif).raster().geoCoding());
        assertArrayEquals(GdalFiles.geoTransform(info), gc.geoTransform(), 1e-9);
        assertEquals(32633, Projections.epsgCode(gc.crs()).getAsInt());
    }

    @Test
    void rotatedGridComesFromModelTransformation() throws IOException {
        GdalFiles.byteImage(dir, "r", 20, 10, 1, null);
        Path vrt = dir.resolve("rotated.vrt");
        Files.writeString(vrt, """
                <VRTDataset rasterXSize="20" rasterYSize="10">
                  <SRS>EPSG:32633</SRS>
                  <GeoTransform>500000, 8.66, 5, 4600000, 5, -8.66</GeoTransform>
                  <VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
                    <SourceFilename relativeToVRT="1">r.bin</SourceFilename>
                    <ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>20</LineOffset>
                  </VRTRasterBand>
                </VRTDataset>
                """);
        Path tif = GdalFiles.translate(vrt, dir.resolve("rotated.tif"));
        MapGeoCoding gc = assertInstanceOf(MapGeoCoding.class, read(tif).raster().geoCoding());
        assertFalse(gc.isNorthUp());
        assertArrayEquals(new double[] {500000, 8.66, 5, 4600000, 5, -8.66}, gc.geoTransform(), 1e-9);
        assertArrayEquals(GdalFiles.geoTransform(GdalFiles.info(tif)), gc.geoTransform(), 1e-9);
    }

    @Test
    void userDefinedTransverseMercatorProjectsLikeProj() throws Exception {
        String proj = "+proj=tmerc +lat_0=0 +lon_0=14.5 +k=0.9999 +x_0=300000 +y_0=-5000000 +datum=WGS84 +units=m +no_defs";
        Path raw = GdalFiles.byteImage(dir, "t", 8, 4, 1, null);
        Path tif = GdalFiles.translate(raw, dir.resolve("tm.tif"), "-a_srs", proj,
                "-a_ullr", "300000", "100000", "300080", "99960");
        MapGeoCoding gc = assertInstanceOf(MapGeoCoding.class, read(tif).raster().geoCoding());
        assertTrue(warnings.isEmpty(), warnings::toString);
        String[] expected = GdalFiles.run(List.of("sh", "-c", "echo '14.7 45.2' | gdaltransform -output_xy -s_srs "
                + "'+proj=longlat +datum=WGS84' -t_srs '" + proj + "'")).trim().split("\\s+");
        double[] p = CRS.findOperation(Projections.wgs84(), gc.crs(), null).getMathTransform()
                .transform(new org.apache.sis.geometry.DirectPosition2D(14.7, 45.2), null).getCoordinate();
        assertEquals(Double.parseDouble(expected[0]), p[0], 1e-3);
        assertEquals(Double.parseDouble(expected[1]), p[1], 1e-3);
    }

    @Test
    void userDefinedWgs84GeographicIsRead() throws IOException {
        Path raw = GdalFiles.byteImage(dir, "g", 8, 4, 1, null);
        Path tif = GdalFiles.translate(raw, dir.resolve("ll.tif"), "-a_srs", "+proj=longlat +ellps=WGS84 +no_defs",
                "-a_ullr", "10", "50", "10.4", "49.9");
        MapGeoCoding gc = assertInstanceOf(MapGeoCoding.class, read(tif).raster().geoCoding());
        assertTrue(Projections.isGeographic(gc.crs()));
        assertArrayEquals(GdalFiles.geoTransform(GdalFiles.info(tif)), gc.geoTransform(), 1e-12);
    }

    @Test
    void unsupportedUserDefinedProjectionGivesNoGeocodingAndAWarning() throws IOException {
        Path raw = GdalFiles.byteImage(dir, "l", 8, 4, 1, null);
        Path tif = GdalFiles.translate(raw, dir.resolve("lcc.tif"), "-a_srs",
                "+proj=lcc +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=10 +datum=WGS84 +units=m", "-a_ullr", "0", "0", "80", "-40");
        Product p = read(tif);
        assertNull(p.raster().geoCoding());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(tif.toString()) && warnings.get(0).contains("gdalwarp"), warnings.get(0));
        assertEquals(GdalFiles.byteValue(7, 3, 0), p.raster().read(0, p.raster().bounds()).bytes()[31] & 0xFF);
    }

    @Test
    void groundControlPointsOnlyGiveNoGeocodingAndAWarning() throws IOException {
        // like a Sentinel-1 SLC measurement: complex int16 samples georeferenced by a GCP grid
        Path raw = GdalFiles.byteImage(dir, "s", 16, 8, 1, null);
        Path tif = GdalFiles.translate(raw, dir.resolve("slc.tif"), "-ot", "CInt16", "-a_srs", "EPSG:4326",
                "-gcp", "0", "0", "12.1", "41.9", "-gcp", "16", "0", "12.3", "41.95", "-gcp", "0", "8", "12.05", "41.8");
        Product p = read(tif);
        assertNull(p.raster().geoCoding());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("ground control points"), warnings.get(0));
        float[] v = p.raster().read(0, new eu.ai4c.kit.raster.Region(5, 3, 1, 1)).floats();
        assertArrayEquals(new float[] {GdalFiles.byteValue(5, 3, 0), 0f}, v);
    }

    @Test
    void bandNamesNoDataAndMetadataFromGdalTags() throws IOException {
        Path raw = GdalFiles.byteImage(dir, "n", 30, 20, 2, List.of("red", "nir"));
        Path tif = GdalFiles.translate(raw, dir.resolve("named.tif"), "-a_srs", "EPSG:4326",
                "-a_ullr", "10", "50", "10.3", "49.8", "-a_nodata", "255", "-mo", "SENSOR=test", "-co", "COMPRESS=LZW");
        Product p = read(tif);
        assertEquals(List.of("red", "nir"), p.raster().bands().stream().map(b -> b.name()).toList());
        assertEquals(255, p.raster().bands().get(1).noData());
        assertEquals("named", p.name());
        Metadata md = p.metadata();
        assertEquals("test", md.child("GDAL_METADATA").orElseThrow().get("SENSOR").orElseThrow());
        assertEquals("5", md.child("TIFF").orElseThrow().get("Compression").orElseThrow());
        assertEquals("30", md.child("TIFF").orElseThrow().get("ImageWidth").orElseThrow());
        assertEquals("4326", md.child("GeoKeys").orElseThrow().get("2048").orElseThrow());
        assertEquals("nir", md.child("GDAL_METADATA").orElseThrow().child("band_2").orElseThrow()
                .get("description").orElseThrow());
    }
}
