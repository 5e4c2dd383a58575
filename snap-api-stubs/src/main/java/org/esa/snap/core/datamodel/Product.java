package org.esa.snap.core.datamodel;

import java.io.File;

/** SNAP API stub of {@code Product}: the members the AI4C adapters use, SNAP 13 signatures. */
public class Product extends ProductNode {

    public Product(String name, String type, int sceneRasterWidth, int sceneRasterHeight) {
        super(name);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public String getProductType() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public Band addBand(String bandName, int dataType) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public Band getBand(String name) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public Band[] getBands() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public int getSceneRasterWidth() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public int getSceneRasterHeight() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public GeoCoding getSceneGeoCoding() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void setSceneGeoCoding(GeoCoding sceneGeoCoding) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public MetadataElement getMetadataRoot() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void setPreferredTileSize(int tileWidth, int tileHeight) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public File getFileLocation() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public ProductNodeGroup<VectorDataNode> getVectorDataGroup() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void dispose() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
