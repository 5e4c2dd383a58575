/**
 * Reading Sentinel-2 products: SENTINEL-SAFE Level-1C and Level-2A, zipped or not, compact
 * naming (2016 on) for processing baselines 02.xx to 05.xx, and folders of per-band GeoTIFFs.
 *
 * <p>{@link eu.ai4c.s2.safe.S2ProductReader} is the kit reader; it attaches an
 * {@link eu.ai4c.s2.safe.S2Product} — each band and mask on its native 10/20/60 m grid with the
 * radiometric scaling — to the product it returns. Reflectance is
 * {@code (DN + offset) / quantification} with the offset ({@code RADIO_ADD_OFFSET} /
 * {@code BOA_ADD_OFFSET}) applied from processing baseline 04.00 on, decided from the metadata's
 * {@code PROCESSING_BASELINE} and never from dates ({@link eu.ai4c.s2.safe.ProcessingBaseline});
 * DN 0 is no-data (NaN).</p>
 *
 * <p>Layers: {@link eu.ai4c.s2.safe.SafeContainer} (folder or zip), the metadata parsers
 * ({@link eu.ai4c.s2.safe.ProductMetadataParser}, {@link eu.ai4c.s2.safe.TileMetadataParser},
 * {@link eu.ai4c.s2.safe.GmlCloudMask}), the layout rules ({@link eu.ai4c.s2.safe.SafeLayout}),
 * the pure kernel {@link eu.ai4c.s2.safe.Radiometry}, and the readers assembling them.</p>
 */
package eu.ai4c.s2.safe;
