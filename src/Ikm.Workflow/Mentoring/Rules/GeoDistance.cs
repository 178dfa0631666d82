using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>Great-circle distance on a spherical Earth; well within GPS error at the few-hundred-metre scale checked here.</summary>
public static class GeoDistance
{
    /// <summary>IUGG mean Earth radius.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Haversine distance in metres.</summary>
    public static double Meters(GeoPoint a, GeoPoint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        var lat1 = ToRadians(a.Latitude);
        var lat2 = ToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(b.Longitude - a.Longitude);

        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var h = (sinLat * sinLat) + (Math.Cos(lat1) * Math.Cos(lat2) * sinLon * sinLon);

        // Rounding can push h a hair past 1 for antipodal points; asin would then be NaN.
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Clamp(h, 0, 1)));
    }

    private static double ToRadians(double degrees) => degrees * (Math.PI / 180);
}
