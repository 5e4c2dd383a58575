package eu.ai4c.kit.io.geotiff.read;

import static eu.ai4c.kit.io.geotiff.TiffTags.*;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.progress.WarningListener;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.sis.io.wkt.Convention;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Builds the map geocoding of a GeoTIFF from its model tags and GeoKeys, as GDAL does:
 * <ul>
 * <li>geotransform from ModelTransformation, or from ModelPixelScale + the first ModelTiepoint;
 *     with RasterPixelIsPoint the origin moves half a pixel up-left so that it names the pixel corner;</li>
 * <li>CRS from ProjectedCSTypeGeoKey or GeographicTypeGeoKey EPSG codes (a vertical CRS key is
 *     ignored: the horizontal CRS is used);</li>
 * <li>user-defined keys: WGS 84 geographic (datum 6326, ellipsoid 7030 or its axes), UTM by
 *     ProjectionGeoKey (16001–16060 north, 16101–16160 south) and Transverse Mercator
 *     (ProjCoordTransGeoKey 1) on an EPSG or WGS 84 base, in metres.</li>
 * </ul>
 * Anything else (ground control points only, other user-defined projections, unknown EPSG codes)
 * gives no geocoding and a warning naming the file, so the pixels stay readable.
 * Stateless; thread-safe.
 */
final class GeoReferencing {
    private static final int PROJ_NAT_ORIGIN_LONG = 3080, PROJ_NAT_ORIGIN_LAT = 3081, PROJ_FALSE_EASTING = 3082,
            PROJ_FALSE_NORTHING = 3083, PROJ_CENTER_LONG = 3088, PROJ_SCALE_AT_NAT_ORIGIN = 3092,
            VERTICAL_UNITS = 4099, CT_TRANSVERSE_MERCATOR = 1, DATUM_WGS84 = 6326, ELLIPSOID_WGS84 = 7030,
            UNIT_METRE = 9001, UNIT_FOOT = 9002, UNIT_DEGREE = 9102;

    private GeoReferencing() {
    }

    /** The geotransform (GDAL convention, pixel corners), or empty when the file has none. */
    static Optional<double[]> geoTransform(TiffDirectory dir, GeoKeys keys) {
        double[] gt = null;
        Optional<TiffField> matrix = dir.field(MODEL_TRANSFORMATION);
        Optional<TiffField> scale = dir.field(MODEL_PIXEL_SCALE);
        Optional<TiffField> tie = dir.field(MODEL_TIEPOINT);
        if (matrix.isPresent() && matrix.get().count() >= 16) {
            double[] m = matrix.get().doubles();
            gt = new double[] {m[3], m[0], m[1], m[7], m[4], m[5]};
        } else if (scale.isPresent() && scale.get().count() >= 2 && tie.isPresent() && tie.get().count() >= 6) {
            double[] s = scale.get().doubles(), t = tie.get().doubles();
            gt = new double[] {t[3] - t[0] * s[0], s[0], 0, t[4] + t[1] * s[1], 0, -s[1]};
        }
        if (gt == null) return Optional.empty();
        if (keys.code(GT_RASTER_TYPE).orElse(RASTER_PIXEL_IS_AREA) == RASTER_PIXEL_IS_POINT) {
            gt[0] -= 0.5 * gt[1] + 0.5 * gt[2];
            gt[3] -= 0.5 * gt[4] + 0.5 * gt[5];
        }
        return Optional.of(gt);
    }

    /** The map geocoding, or null (with a warning when the file is georeferenced in a way AI4C does not read). */
    static MapGeoCoding of(TiffDirectory dir, GeoKeys keys, WarningListener warnings) {
        Optional<double[]> gt = geoTransform(dir, keys);
        if (gt.isEmpty()) {
            if (dir.field(MODEL_TIEPOINT).map(f -> f.count() >= 12).orElse(false)) {
                warnings.warning(dir.file() + " is georeferenced by ground control points only; AI4C reads it "
                        + "without a map geocoding (warp it with gdalwarp to get one).");
            }
            return null;
        }
        CoordinateReferenceSystem crs;
        try {
            crs = crs(keys, dir.file().toString());
        } catch (Ai4cException e) {
            warnings.warning(e.getMessage());
            return null;
        }
        if (crs == null) {
            warnings.warning(dir.file() + " has a geotransform but no coordinate reference system in its GeoKeys; "
                    + "AI4C reads it without geocoding (assign one with gdal_edit.py -a_srs EPSG:<code>).");
            return null;
        }
        try {
            return new MapGeoCoding(crs, gt.get());
        } catch (IllegalArgumentException e) {
            warnings.warning(dir.file() + " has an unusable geotransform (" + e.getMessage() + "); read without geocoding.");
            return null;
        }
    }

    /** The horizontal CRS of the keys, easting first; null when the keys name none. */
    static CoordinateReferenceSystem crs(GeoKeys keys, String file) {
        OptionalInt projected = keys.code(PROJECTED_CS_TYPE);
        OptionalInt geographic = keys.code(GEOGRAPHIC_TYPE);
        int model = keys.code(GT_MODEL_TYPE).orElse(0);
        if (projected.isPresent() && projected.getAsInt() != USER_DEFINED && projected.getAsInt() != 0) {
            return epsg(projected.getAsInt(), file);
        }
        if (model == MODEL_TYPE_PROJECTED || projected.isPresent()) {
            return userDefinedProjected(keys, file);
        }
        if (geographic.isPresent() && geographic.getAsInt() != USER_DEFINED && geographic.getAsInt() != 0) {
            return epsg(geographic.getAsInt(), file);
        }
        if (model == MODEL_TYPE_GEOGRAPHIC || geographic.isPresent()) {
            if (isWgs84(keys)) return Projections.wgs84();
            throw unsupported(file, "a user-defined geographic CRS other than WGS 84");
        }
        if (model == MODEL_TYPE_GEOCENTRIC) throw unsupported(file, "a geocentric model");
        return null;
    }

    /**
     * The unit of the heights of a DEM, as GDAL reports it: from VerticalUnitsGeoKey, else from the
     * axis of the EPSG vertical CRS named by VerticalCSTypeGeoKey (e.g. EGM96 height → metre).
     */
    static Optional<String> verticalUnit(GeoKeys keys) {
        int units = keys.code(VERTICAL_UNITS).orElse(0);
        if (units == UNIT_METRE) return Optional.of("metre");
        if (units == UNIT_FOOT) return Optional.of("foot");
        int vertical = keys.code(VERTICAL_CS_TYPE).orElse(0);
        if (vertical <= 0 || vertical == USER_DEFINED) return Optional.empty();
        try {
            javax.measure.Unit<?> unit = org.apache.sis.referencing.CRS.forCode("EPSG:" + vertical)
                    .getCoordinateSystem().getAxis(0).getUnit();
            if (org.apache.sis.measure.Units.METRE.equals(unit)) return Optional.of("metre");
            if (org.apache.sis.measure.Units.FOOT.equals(unit)) return Optional.of("foot");
            return Optional.ofNullable(unit).map(Object::toString);
        } catch (org.opengis.util.FactoryException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static CoordinateReferenceSystem userDefinedProjected(GeoKeys keys, String file) {
        int units = keys.code(PROJ_LINEAR_UNITS).orElse(UNIT_METRE);
        if (units != UNIT_METRE) throw unsupported(file, "a user-defined projection in linear units " + units);
        int angular = keys.code(GEOG_ANGULAR_UNITS).orElse(UNIT_DEGREE);
        if (angular != UNIT_DEGREE) throw unsupported(file, "user-defined projection parameters in angular units " + angular);
        int projection = keys.code(PROJECTION).orElse(USER_DEFINED);
        boolean wgs84Base = isWgs84(keys);
        double lon0, lat0, k, fe, fn;
        if (projection >= 16001 && projection <= 16060 || projection >= 16101 && projection <= 16160) {
            boolean south = projection > 16100;
            int zone = projection - (south ? 16100 : 16000);
            if (wgs84Base) return epsg((south ? 32700 : 32600) + zone, file);
            lon0 = -183 + 6 * zone;
            lat0 = 0;
            k = 0.9996;
            fe = 500000;
            fn = south ? 10000000 : 0;
        } else if (keys.code(PROJ_COORD_TRANS).orElse(0) == CT_TRANSVERSE_MERCATOR) {
            lon0 = keys.number(PROJ_NAT_ORIGIN_LONG).orElse(keys.number(PROJ_CENTER_LONG).orElse(0));
            lat0 = keys.number(PROJ_NAT_ORIGIN_LAT).orElse(0);
            k = keys.number(PROJ_SCALE_AT_NAT_ORIGIN).orElse(1);
            fe = keys.number(PROJ_FALSE_EASTING).orElse(0);
            fn = keys.number(PROJ_FALSE_NORTHING).orElse(0);
        } else {
            throw unsupported(file, "a user-defined projection (ProjectionGeoKey " + projection + ", ProjCoordTransGeoKey "
                    + keys.code(PROJ_COORD_TRANS).orElse(0) + ") other than Transverse Mercator");
        }
        String base = baseGeographicWkt1(keys, wgs84Base, file);
        String wkt = String.format(Locale.ROOT, "PROJCS[\"%s\",%s,PROJECTION[\"Transverse_Mercator\"],"
                        + "PARAMETER[\"latitude_of_origin\",%s],PARAMETER[\"central_meridian\",%s],"
                        + "PARAMETER[\"scale_factor\",%s],PARAMETER[\"false_easting\",%s],"
                        + "PARAMETER[\"false_northing\",%s],UNIT[\"metre\",1]]",
                keys.text(PROJ_CITATION).orElse("Transverse Mercator").replace('"', '\''), base,
                lat0, lon0, k, fe, fn);
        return Projections.parse(wkt, 0, 0);
    }

    private static String baseGeographicWkt1(GeoKeys keys, boolean wgs84, String file) {
        int code = keys.code(GEOGRAPHIC_TYPE).orElse(USER_DEFINED);
        if (code == USER_DEFINED || code == 4326) {
            if (!wgs84) throw unsupported(file, "a projection on a user-defined datum other than WGS 84");
            return "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                    + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
        }
        CoordinateReferenceSystem base = epsg(code, file);
        return AbstractCRS.castOrCopy(base).toString(Convention.WKT1);
    }

    private static boolean isWgs84(GeoKeys keys) {
        int geographic = keys.code(GEOGRAPHIC_TYPE).orElse(USER_DEFINED);
        if (geographic == 4326) return true;
        if (keys.code(GEOG_GEODETIC_DATUM).orElse(0) == DATUM_WGS84) return true;
        if (keys.code(GEOG_ELLIPSOID).orElse(0) == ELLIPSOID_WGS84) return true;
        double a = keys.number(GEOG_SEMI_MAJOR_AXIS).orElse(Double.NaN);
        double invF = keys.number(GEOG_INV_FLATTENING).orElse(Double.NaN);
        return Math.abs(a - eu.ai4c.kit.geo.Wgs84.A) < 1e-3 && Math.abs(invF - eu.ai4c.kit.geo.Wgs84.INVERSE_FLATTENING) < 1e-6;
    }

    private static CoordinateReferenceSystem epsg(int code, String file) {
        try {
            return Projections.parse("EPSG:" + code, 0, 0);
        } catch (Ai4cException e) {
            throw new Ai4cException(file + " names the coordinate reference system EPSG:" + code
                    + ", which the EPSG database of AI4C does not know (" + e.getMessage() + "); it is read without "
                    + "geocoding. Reproject it with gdalwarp -t_srs EPSG:4326 to use it as a map.");
        }
    }

    private static Ai4cException unsupported(String file, String what) {
        return new Ai4cException(file + " is georeferenced with " + what + ", which AI4C does not read; it is read "
                + "without geocoding. Reproject it with gdalwarp -t_srs EPSG:<code> to use it as a map.");
    }
}
