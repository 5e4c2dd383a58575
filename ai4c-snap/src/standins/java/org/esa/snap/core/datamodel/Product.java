package org.esa.snap.core.datamodel;

import java.awt.Dimension;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Test stand-in for SNAP's class (see {@link ProductNode}). */
public class Product extends ProductNode {
    private final String type;
    private final int width;
    private final int height;
    private final List<Band> bands = new ArrayList<>();
    private final MetadataElement root = new MetadataElement("metadata");
    private final List<TiePointGrid> tiePointGrids = new ArrayList<>();
    private final ProductNodeGroup<VectorDataNode> vectorData = new ProductNodeGroup<>("vector_data");
    /** Test only: whether {@link #dispose} was called. */
    public boolean disposed;
    private GeoCoding geoCoding;
    private ProductData.UTC startTime;
    private ProductData.UTC endTime;
    /** Test only. */
    public Dimension preferredTileSize;
    /** Test only. */
    public File fileLocation;

    public Product(String name, String type, int sceneRasterWidth, int sceneRasterHeight) {
        super(name);
        this.type = type;
        this.width = sceneRasterWidth;
        this.height = sceneRasterHeight;
    }

    public String getProductType() {
        return type;
    }

    public Band addBand(String bandName, int dataType) {
        if (containsRasterDataNode(bandName)) {
            throw new IllegalArgumentException("The Product '" + getName() + "' already contains a band with the name '"
                    + bandName + "'.");
        }
        Band b = new Band(bandName, dataType, width, height);
        bands.add(b);
        return b;
    }

    public Band getBand(String name) {
        return bands.stream().filter(b -> b.getName().equals(name)).findFirst().orElse(null);
    }

    public void addTiePointGrid(TiePointGrid tiePointGrid) {
        if (containsRasterDataNode(tiePointGrid.getName())) {
            throw new IllegalArgumentException("The Product '" + getName() + "' already contains a raster '"
                    + tiePointGrid.getName() + "'.");
        }
        tiePointGrids.add(tiePointGrid);
    }

    public int getNumTiePointGrids() {
        return tiePointGrids.size();
    }

    public TiePointGrid getTiePointGridAt(int index) {
        return tiePointGrids.get(index);
    }

    public TiePointGrid getTiePointGrid(String name) {
        return tiePointGrids.stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    }

    public boolean containsRasterDataNode(String name) {
        return getBand(name) != null || getTiePointGrid(name) != null;
    }

    public ProductData.UTC getStartTime() {
        return startTime;
    }

    public void setStartTime(ProductData.UTC startTime) {
        this.startTime = startTime;
    }

    public ProductData.UTC getEndTime() {
        return endTime;
    }

    public void setEndTime(ProductData.UTC endTime) {
        this.endTime = endTime;
    }

    public Band[] getBands() {
        return bands.toArray(new Band[0]);
    }

    public int getSceneRasterWidth() {
        return width;
    }

    public int getSceneRasterHeight() {
        return height;
    }

    public GeoCoding getSceneGeoCoding() {
        return geoCoding;
    }

    public void setSceneGeoCoding(GeoCoding sceneGeoCoding) {
        this.geoCoding = sceneGeoCoding;
    }

    public MetadataElement getMetadataRoot() {
        return root;
    }

    public void setPreferredTileSize(int tileWidth, int tileHeight) {
        preferredTileSize = new Dimension(tileWidth, tileHeight);
    }

    public File getFileLocation() {
        return fileLocation;
    }

    public ProductNodeGroup<VectorDataNode> getVectorDataGroup() {
        return vectorData;
    }

    public void dispose() {
        disposed = true;
    }
}
