/** The {@code spark-batch} entry of {@code ai4c bench}, registered when ai4c-spark is on the class path. */
package eu.ai4c.spark.bench;
