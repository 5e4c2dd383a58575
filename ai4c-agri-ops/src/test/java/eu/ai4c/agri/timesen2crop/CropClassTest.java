package eu.ai4c.agri.timesen2crop;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The classification scheme of table 8 of the specification. */
class CropClassTest {
    /** Table 8, "Crop Types – Classification Scheme", in id order. */
    private static final List<String> TABLE_8 = List.of("Legumes", "Grassland", "Maize", "Potato", "Sunflower", "Soy",
            "Winter Barley", "Winter Caraway", "Rye", "Rapeseed", "Beet", "Spring Cereals", "Winter Wheat",
            "Winter Triticale", "Permanent Plantations", "Other Crops");

    @Test
    void sixteenClassesWithTable8NamesAndIds() {
        assertEquals(16, CropClass.values().length);
        assertEquals(16, CropClass.COUNT);
        for (int id = 0; id < 16; id++) {
            assertEquals(TABLE_8.get(id), CropClass.ofId(id).label());
            assertEquals(id, CropClass.ofId(id).id());
        }
        assertThrows(IllegalArgumentException.class, () -> CropClass.ofId(16));
        assertThrows(IllegalArgumentException.class, () -> CropClass.ofId(-1));
    }

    @Test
    void legendColoursAreDistinctAndNotBlackOrWhite() {
        int[] rgb = Arrays.stream(CropClass.values()).mapToInt(CropClass::rgb).toArray();
        assertArrayEquals(rgb, CropClass.palette());
        assertEquals(0xFFF200, CropClass.palette()[9]); // rapeseed in flower yellow
        assertEquals(16, Arrays.stream(rgb).distinct().count());
        for (int c : rgb) {
            int mean = ((c >> 16) + ((c >> 8) & 0xFF) + (c & 0xFF)) / 3;
            assertTrue((c & ~0xFFFFFF) == 0 && mean > 30 && mean < 225, Integer.toHexString(c));
        }
    }

    @Test
    void pixelConditionCodes() {
        assertEquals(PixelCondition.SNOW, PixelCondition.ofCode(3));
        assertEquals(2, PixelCondition.SHADOW.code());
        assertThrows(IllegalArgumentException.class, () -> PixelCondition.ofCode(4));
    }
}
