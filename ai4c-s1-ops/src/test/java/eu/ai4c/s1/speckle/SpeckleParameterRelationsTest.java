package eu.ai4c.s1.speckle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.s1.grd.GrdPreprocessDescriptor;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "enabled when" relations of the speckle parameters follow what each filter kernel reads. */
class SpeckleParameterRelationsTest {

    /** Which parameters apply for each filter, from the kernels built in {@code SpeckleFilters}. */
    private static final Map<String, Set<String>> USED = Map.of(
            "None", Set.of(),
            "Boxcar", Set.of("filterSizeX", "filterSizeY"),
            "Median", Set.of("filterSizeX", "filterSizeY"),
            "Frost", Set.of("filterSizeX", "filterSizeY", "dampingFactor"),
            "Gamma Map", Set.of("filterSizeX", "filterSizeY", "estimateENL", "enl"),
            "Lee", Set.of("filterSizeX", "filterSizeY", "estimateENL", "enl"),
            "Refined Lee", Set.of("estimateENL", "enl"),
            "Lee Sigma", Set.of("estimateENL", "enl", "sigmaStr", "windowSize", "targetWindowSizeStr"),
            "IDAN", Set.of("estimateENL", "enl", "anSize"));

    @Test
    void speckleFilterParametersApplyOnlyToTheirFilters() {
        checkRelations(SpeckleFilterOp.DESCRIPTOR, "filter");
    }

    @Test
    void grdPreprocessKeepsTheRelationsUnderItsSpeckleParameter() {
        checkRelations(GrdPreprocessDescriptor.DESCRIPTOR, "speckle");
        OperatorDescriptor d = GrdPreprocessDescriptor.DESCRIPTOR;
        assertEquals("only with --speckle Frost", d.conditionText(d.parameter("dampingFactor").orElseThrow()));
    }

    @Test
    void landSeaToleranceAndPolygonsOnlyWithAMask() {
        OperatorDescriptor d = GrdPreprocessDescriptor.DESCRIPTOR;
        for (String name : new String[] {"landseamaskTolerance", "landmaskVector"}) {
            ParameterDescriptor p = d.parameter(name).orElseThrow();
            assertFalse(d.applies(p, Map.of()), name + " with the default None");
            assertTrue(d.applies(p, Map.of("landseamask", "Sea")), name);
            assertTrue(d.applies(p, Map.of("landseamask", "Land")), name);
        }
        assertTrue(d.applies(d.parameter("dem").orElseThrow(), Map.of()), "the DEM serves terrain correction too");
    }

    /** For every filter, exactly the parameters its kernel reads apply (enl only without ENL estimation). */
    private static void checkRelations(OperatorDescriptor d, String filterParameter) {
        for (String filter : SpeckleFilterType.labels()) {
            Set<String> applying = new TreeSet<>();
            for (String estimate : new String[] {"true", "false"}) {
                for (String name : new String[] {"filterSizeX", "filterSizeY", "dampingFactor", "estimateENL", "enl",
                        "sigmaStr", "windowSize", "targetWindowSizeStr", "anSize"}) {
                    ParameterDescriptor p = d.parameter(name).orElseThrow();
                    boolean applies = d.applies(p, Map.of(filterParameter, filter, "estimateENL", estimate));
                    if (applies) applying.add(name);
                    if (name.equals("enl") && estimate.equals("true")) {
                        assertFalse(applies, filter + ": enl applies only when the ENL is not estimated");
                    }
                }
            }
            assertEquals(new TreeSet<>(USED.get(filter)), applying, d.alias() + " with " + filterParameter + " " + filter);
        }
    }
}
