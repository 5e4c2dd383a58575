package eu.ai4c.kit.io.dimap;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.envi.EnviHeader;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The BEAM-DIMAP header ({@code .dim}) of a product, with the element names SNAP's DIMAP
 * reader expects (profile {@code BEAM-DATAMODEL-V1}): {@code Metadata_Id}, {@code Dataset_Id},
 * {@code Production}, {@code Coordinate_Reference_System/WKT} and
 * {@code Geoposition/IMAGE_TO_MODEL_TRANSFORM} for map grids, {@code Raster_Dimensions},
 * {@code Data_Access} (one {@code Data_File} per band pointing to its ENVI header),
 * {@code Image_Interpretation} (one {@code Spectral_Band_Info} per band) and
 * {@code Dataset_Sources} holding the metadata tree as nested {@code MDElem}/{@code MDATTR}.
 *
 * <p>IMAGE_TO_MODEL_TRANSFORM is Java's {@code AffineTransform} flat matrix
 * {@code m00,m10,m01,m11,m02,m12}, i.e. GDAL's {@code gt[1],gt[4],gt[2],gt[5],gt[0],gt[3]}
 * (pixel-corner convention in both).</p>
 *
 * <p>Stateless; thread-safe.</p>
 */
final class DimapDocument {
    /** DIMAP format version written in METADATA_FORMAT (the one of current SNAP releases). */
    static final String FORMAT_VERSION = "2.12.1";

    private DimapDocument() {
    }

    /** SNAP's DATA_TYPE name of a sample type. */
    static String dataTypeName(DataType t) {
        return switch (t) {
            case BYTE -> "uint8";
            case INT16 -> "int16";
            case UINT16 -> "uint16";
            case INT32 -> "int32";
            case FLOAT32 -> "float32";
            case FLOAT64 -> "float64";
            case CFLOAT32 -> throw new IllegalArgumentException("complex bands have no BEAM-DIMAP data type");
        };
    }

    /**
     * Writes the header.
     *
     * @param name       product name (DATASET_NAME; the header is {@code name.dim})
     * @param raster     the raster (size, bands, geocoding)
     * @param fileNames  per band, the base name of its ENVI files inside {@code name.data/}
     * @param metadata   the metadata tree written under Dataset_Sources
     * @param productType PRODUCT_TYPE text
     */
    static void write(OutputStream out, String name, Raster raster, List<String> fileNames, Metadata metadata,
                      String productType) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("Dimap_Document");
            root.setAttribute("name", name + ".dim");
            doc.appendChild(root);
            Element id = child(root, "Metadata_Id");
            child(id, "METADATA_FORMAT", "DIMAP").setAttribute("version", FORMAT_VERSION);
            child(id, "METADATA_PROFILE", "BEAM-DATAMODEL-V1");
            Element ds = child(root, "Dataset_Id");
            child(ds, "DATASET_SERIES", "BEAM-PRODUCT");
            child(ds, "DATASET_NAME", name);
            Element prod = child(root, "Production");
            child(prod, "DATASET_PRODUCER_NAME", "AI4C");
            child(prod, "PRODUCT_TYPE", productType);
            if (raster.geoCoding() instanceof MapGeoCoding map) {
                child(child(root, "Coordinate_Reference_System"), "WKT", EnviHeader.wkt1(map.crs()));
                double[] g = map.geoTransform();
                child(child(root, "Geoposition"), "IMAGE_TO_MODEL_TRANSFORM",
                        g[1] + "," + g[4] + "," + g[2] + "," + g[5] + "," + g[0] + "," + g[3]);
            }
            List<Band> bands = raster.bands();
            Element dims = child(root, "Raster_Dimensions");
            child(dims, "NCOLS", Integer.toString(raster.width()));
            child(dims, "NROWS", Integer.toString(raster.height()));
            child(dims, "NBANDS", Integer.toString(bands.size()));
            Element access = child(root, "Data_Access");
            child(access, "DATA_FILE_FORMAT", "ENVI");
            child(access, "DATA_FILE_FORMAT_DESC", "ENVI File Format");
            child(access, "DATA_FILE_ORGANISATION", "BAND_SEPARATE");
            for (int i = 0; i < bands.size(); i++) {
                Element f = child(access, "Data_File");
                child(f, "DATA_FILE_PATH").setAttribute("href", name + ".data/" + fileNames.get(i) + ".hdr");
                child(f, "BAND_INDEX", Integer.toString(i));
            }
            Element interp = child(root, "Image_Interpretation");
            for (int i = 0; i < bands.size(); i++) {
                Band b = bands.get(i);
                Element sbi = child(interp, "Spectral_Band_Info");
                child(sbi, "BAND_INDEX", Integer.toString(i));
                child(sbi, "BAND_DESCRIPTION", b.description());
                child(sbi, "BAND_NAME", b.name());
                child(sbi, "BAND_RASTER_WIDTH", Integer.toString(raster.width()));
                child(sbi, "BAND_RASTER_HEIGHT", Integer.toString(raster.height()));
                child(sbi, "DATA_TYPE", dataTypeName(b.type()));
                child(sbi, "PHYSICAL_UNIT", b.unit());
                child(sbi, "SOLAR_FLUX", "0.0");
                child(sbi, "BAND_WAVELEN", "0.0");
                child(sbi, "BANDWIDTH", "0.0");
                child(sbi, "SCALING_FACTOR", "1.0");
                child(sbi, "SCALING_OFFSET", "0.0");
                child(sbi, "LOG10_SCALED", "false");
                child(sbi, "NO_DATA_VALUE_USED", Boolean.toString(b.hasNoData()));
                child(sbi, "NO_DATA_VALUE", Double.toString(b.hasNoData() ? b.noData() : 0.0));
            }
            metadataElement(child(root, "Dataset_Sources"), metadata);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "ISO-8859-1");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("Cannot write the BEAM-DIMAP header of " + name + ": " + e.getMessage(), e);
        }
    }

    /** A metadata element as {@code <MDElem name=..>} with {@code <MDATTR name=.. type="ascii">} children. */
    private static void metadataElement(Element parent, Metadata md) {
        Element e = child(parent, "MDElem");
        e.setAttribute("name", md.name());
        for (Map.Entry<String, String> a : md.attributes().entrySet()) {
            Element attr = child(e, "MDATTR", a.getValue());
            attr.setAttribute("name", a.getKey());
            attr.setAttribute("type", "ascii");
        }
        for (Metadata c : md.children()) metadataElement(e, c);
    }

    private static Element child(Element parent, String tag) {
        Element e = parent.getOwnerDocument().createElement(tag);
        parent.appendChild(e);
        return e;
    }

    private static Element child(Element parent, String tag, String text) {
        Element e = child(parent, tag);
        e.setTextContent(text);
        return e;
    }
}
