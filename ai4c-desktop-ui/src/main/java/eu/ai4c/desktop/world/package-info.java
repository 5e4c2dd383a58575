/**
 * The World View: an equirectangular world map ({@link eu.ai4c.desktop.world.MapView}) with the
 * footprints of the open products ({@link eu.ai4c.desktop.world.ProductOutline}, split at the
 * antimeridian by {@link eu.ai4c.desktop.world.LonLatRings}) and area-of-interest drawing that
 * fills the operator dialogs' AOI fields ({@link eu.ai4c.desktop.world.AoiDrawing},
 * {@link eu.ai4c.desktop.form.AoiTargets}). The maths is display-free; {@code WorldMapPanel} draws
 * and {@code WorldViewWindow} is the NetBeans window.
 */
package eu.ai4c.desktop.world;
