package eu.ai4c.agri.timesen2crop;

/**
 * The 16 classes of the TimeSen2Crop classification scheme (specification section 3.2.2, table 8),
 * with their ids (the class folder names and the labels of {@code y_train.npy}) and a map colour
 * for crop-map legends. Colours follow common crop-map habits: yellows for maize and rapeseed,
 * straw and ochre tones for cereals, greens for grassland, soy and permanent plantations, grey for
 * other crops. Immutable and thread-safe.
 */
public enum CropClass {
    LEGUMES(0, "Legumes", 0xA05EB5),
    GRASSLAND(1, "Grassland", 0x7FBF5F),
    MAIZE(2, "Maize", 0xF0A800),
    POTATO(3, "Potato", 0xA0522D),
    SUNFLOWER(4, "Sunflower", 0xFF7F00),
    SOY(5, "Soy", 0x2E8B57),
    WINTER_BARLEY(6, "Winter Barley", 0xD8B56A),
    WINTER_CARAWAY(7, "Winter Caraway", 0xC9A0DC),
    RYE(8, "Rye", 0x8C6A32),
    RAPESEED(9, "Rapeseed", 0xFFF200),
    BEET(10, "Beet", 0xB0306A),
    SPRING_CEREALS(11, "Spring Cereals", 0xE6D7A3),
    WINTER_WHEAT(12, "Winter Wheat", 0xC8A03C),
    WINTER_TRITICALE(13, "Winter Triticale", 0xB07840),
    PERMANENT_PLANTATIONS(14, "Permanent Plantations", 0x1E6B1E),
    OTHER_CROPS(15, "Other Crops", 0x9E9E9E);

    /** Number of classes (ids 0 … 15). */
    public static final int COUNT = 16;

    private static final CropClass[] BY_ID = values();

    private final int id;
    private final String label;
    private final int rgb;

    CropClass(int id, String label, int rgb) {
        this.id = id;
        this.label = label;
        this.rgb = rgb;
    }

    /** The TimeSen2Crop class id (0–15). */
    public int id() {
        return id;
    }

    /** The class name as in table 8, e.g. {@code Winter Wheat}. */
    public String label() {
        return label;
    }

    /** Map colour as {@code 0xRRGGBB}. */
    public int rgb() {
        return rgb;
    }

    /** The class of an id; {@link IllegalArgumentException} outside 0–15. */
    public static CropClass ofId(int id) {
        if (id < 0 || id >= COUNT) {
            throw new IllegalArgumentException("TimeSen2Crop class ids are 0-15, got " + id);
        }
        return BY_ID[id];
    }

    /** The legend colours ({@code 0xRRGGBB}) indexed by class id, e.g. for a GeoTIFF colour map. */
    public static int[] palette() {
        int[] rgb = new int[COUNT];
        for (CropClass c : BY_ID) rgb[c.id] = c.rgb;
        return rgb;
    }

    @Override
    public String toString() {
        return label;
    }
}
