package de.handinhand.catalogue.offer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The radius test without trigonometry per location ({@link SearchIndex.Places}) decides as the
 * SQL's formula does, also for locations that lie on the circle itself, where the two ways of
 * computing the haversine term differ in their last digits; and its nearest distance stays within the
 * stated margin of the SQL formula's. The equivalence test with the SQL search covers the demo
 * offers; this one the edge and radii from millimetres to the maximum.
 */
class RadiusTest {

    private static final double[] RADII = {1e-6, 0.003, 0.5, 1, 2, 5, 10, 30, 80, 250, 500};
    /** An offer with two locations far from every circle of the test. */
    private static final OfferRow ELSEWHERE = new OfferRow(UUID.randomUUID(), null, null, null, null, null, new String[0],
            new String[0], new String[0], false, 0, 0, 0, null, new double[] {-40, -41}, new double[] {170, 171});

    @Test
    void theFastTestDecidesAsTheSqlFormulaEvenOnTheCircle() {
        Random random = new Random(20261202);
        int onTheEdge = 0;
        int inside = 0;
        for (int i = 0; i < 200_000; i++) {
            double radius = RADII[random.nextInt(RADII.length)];
            SearchQuery.Circle circle = new SearchQuery.Circle(47 + random.nextDouble() * 8, 6 + random.nextDouble() * 9,
                    radius);
            SearchIndex.Radius r = new SearchIndex.Radius(circle);
            int n = 1 + random.nextInt(3);
            double[] lats = new double[n];
            double[] lons = new double[n];
            for (int k = 0; k < n; k++) {
                // On the circle (as far as doubles go), just inside or outside it, or anywhere around it.
                double bearing = random.nextDouble() * 2 * Math.PI;
                double km = switch (random.nextInt(4)) {
                    case 0 -> radius;
                    case 1 -> radius * (1 + (random.nextDouble() - 0.5) * 1e-12);
                    case 2 -> radius * (1 + (random.nextDouble() - 0.5) * 1e-6);
                    default -> radius * random.nextDouble() * 2;
                };
                double[] point = destination(circle.lat(), circle.lon(), bearing, km);
                lats[k] = point[0];
                lons[k] = point[1];
            }
            OfferRow row = new OfferRow(UUID.randomUUID(), null, null, null, null, null, new String[0], new String[0],
                    new String[0], false, 0, 0, 0, null, lats, lons);
            // Behind a deleted document and another offer, as in a view: the locations are found by offset.
            SearchIndex.Places places = SearchIndex.Places.of(new OfferRow[] {null, ELSEWHERE, row});

            double fast = places.haversineIfWithin(2, r);
            double exact = sqlFormula(row, r);
            String what = "circle " + circle + ", locations " + java.util.Arrays.toString(lats) + " "
                    + java.util.Arrays.toString(lons);
            assertEquals(Double.isNaN(exact), Double.isNaN(fast), what);
            if (!Double.isNaN(exact)) {
                inside++;
                assertTrue(Math.abs(fast - exact) <= r.margin, what + ": " + fast + " against " + exact);
            }
            for (int k = 0; k < n; k++) {
                onTheEdge += Math.abs(r.haversine(lats[k], lons[k]) - r.limit) <= r.margin ? 1 : 0;
            }
        }
        // Not only easy cases: many locations lie where the fast term alone could not decide.
        assertTrue(onTheEdge > 10_000, "locations within the margin of the circle: " + onTheEdge);
        assertTrue(inside > 50_000, "offers within their circle: " + inside);
    }

    /** What the index computed before: every location by the SQL's formula. */
    private static double sqlFormula(OfferRow row, SearchIndex.Radius r) {
        double min = Double.MAX_VALUE;
        boolean within = false;
        for (int i = 0; i < row.lats().length; i++) {
            double a = r.haversine(row.lats()[i], row.lons()[i]);
            min = Math.min(min, a);
            within |= r.inBox(row.lats()[i], row.lons()[i]) && r.within(row.lats()[i], row.lons()[i]);
        }
        return within ? min : Double.NaN;
    }

    /** The point {@code km} from a centre along a bearing, on the sphere of the SQL's radius. */
    private static double[] destination(double lat, double lon, double bearing, double km) {
        double d = km / SearchStatements.EARTH_KM;
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        double phi2 = Math.asin(Math.sin(phi) * Math.cos(d) + Math.cos(phi) * Math.sin(d) * Math.cos(bearing));
        double lambda2 = lambda + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(phi),
                Math.cos(d) - Math.sin(phi) * Math.sin(phi2));
        return new double[] {Math.toDegrees(phi2), Math.toDegrees(lambda2)};
    }
}
