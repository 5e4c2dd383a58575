/**
 * The {@code tile_classifier} service: 12 monthly composites classified pixel by pixel with a
 * sequence model into a uint8 crop-type map, an optional majority filter, and the map's colour
 * table and legend.
 */
package eu.ai4c.agri.cropmap;
