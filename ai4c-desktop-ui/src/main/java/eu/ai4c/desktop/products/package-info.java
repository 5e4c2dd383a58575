/**
 * The Products window: the products open in the desktop ({@link eu.ai4c.desktop.products.OpenProducts},
 * no display), their tree of bands and metadata ({@link eu.ai4c.desktop.products.ProductsPanel}) and the
 * NetBeans window and actions around them.
 */
package eu.ai4c.desktop.products;
