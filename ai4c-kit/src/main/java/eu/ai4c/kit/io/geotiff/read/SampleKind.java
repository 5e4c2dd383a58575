package eu.ai4c.kit.io.geotiff.read;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.TiffTags;
import eu.ai4c.kit.raster.DataType;
import java.nio.file.Path;

/**
 * The sample encoding stored in a TIFF (SampleFormat × BitsPerSample) and the {@link DataType}
 * it is returned as. Types without an exact AI4C counterpart are widened:
 * int8 → INT16; uint32 → FLOAT64 (exact for every uint32 value, and independent of the data, so the
 * band type never depends on pixel contents); int64/uint64 → FLOAT64 (exact up to 2<sup>53</sup>);
 * complex int16 (SampleFormat 5, 2×16 bits, Sentinel-1 SLC), complex int32, complex float32 and
 * complex float64 → CFLOAT32 (the float64 and int32 ones lose precision).
 */
enum SampleKind {
    U8(1, DataType.BYTE), I8(1, DataType.INT16), U16(2, DataType.UINT16), I16(2, DataType.INT16),
    U32(4, DataType.FLOAT64), I32(4, DataType.INT32), U64(8, DataType.FLOAT64), I64(8, DataType.FLOAT64),
    F32(4, DataType.FLOAT32), F64(8, DataType.FLOAT64),
    CI16(2, DataType.CFLOAT32), CI32(4, DataType.CFLOAT32), CF32(4, DataType.CFLOAT32), CF64(8, DataType.CFLOAT32);

    /** Bytes of one stored word: a whole sample, or one of the two parts of a complex sample. */
    final int wordBytes;
    /** Type of the returned blocks. */
    final DataType dataType;

    SampleKind(int wordBytes, DataType dataType) {
        this.wordBytes = wordBytes;
        this.dataType = dataType;
    }

    boolean isComplex() {
        return dataType.isComplex();
    }

    /** Stored bytes per sample (both parts for complex). */
    int sampleBytes() {
        return isComplex() ? 2 * wordBytes : wordBytes;
    }

    boolean isFloatingPoint() {
        return this == F32 || this == F64;
    }

    /**
     * @param sampleFormat TIFF SampleFormat (1 uint, 2 int, 3 float, 4 void, 5 complex int, 6 complex float)
     * @param bits         BitsPerSample
     * @throws Ai4cException for encodings AI4C does not read (e.g. 1-bit masks, 12-bit, float16)
     */
    static SampleKind of(int sampleFormat, int bits, Path file) {
        SampleKind k = switch (sampleFormat) {
            case TiffTags.SAMPLE_FORMAT_UINT, 4 -> bits == 8 ? U8 : bits == 16 ? U16 : bits == 32 ? U32 : bits == 64 ? U64 : null;
            case TiffTags.SAMPLE_FORMAT_INT -> bits == 8 ? I8 : bits == 16 ? I16 : bits == 32 ? I32 : bits == 64 ? I64 : null;
            case TiffTags.SAMPLE_FORMAT_IEEEFP -> bits == 32 ? F32 : bits == 64 ? F64 : null;
            case TiffTags.SAMPLE_FORMAT_COMPLEX_INT -> bits == 32 ? CI16 : bits == 64 ? CI32 : null;
            case TiffTags.SAMPLE_FORMAT_COMPLEX_IEEEFP -> bits == 64 ? CF32 : bits == 128 ? CF64 : null;
            default -> null;
        };
        if (k == null) {
            throw new Ai4cException("Cannot read " + file + ": its samples are " + bits + "-bit with SampleFormat "
                    + sampleFormat + ", which AI4C does not read (it reads 8/16/32/64-bit integers, float32, float64 "
                    + "and complex int16/int32/float32/float64). Convert it with gdal_translate -ot Float32.");
        }
        return k;
    }
}
