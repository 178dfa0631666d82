using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Workflow.Tests.Mentoring;

public sealed class GeoDistanceTests
{
    [Fact]
    public void Meters_Returns111_2Km_WhenOneDegreeAlongEquator()
    {
        var meters = GeoDistance.Meters(new GeoPoint(0, 0), new GeoPoint(0, 1));

        Assert.Equal(111_195.08, meters, 0.01);
    }

    [Fact]
    public void Meters_ReturnsAbout120_WhenPaluPointsOnSameLatitude()
    {
        var productionHouse = new GeoPoint(-0.8950, 119.8700);
        var checkIn = new GeoPoint(-0.8950, 119.87108);

        Assert.Equal(120.08, GeoDistance.Meters(productionHouse, checkIn), 0.01);
    }

    [Fact]
    public void Meters_ReturnsAbout120_WhenPaluPointsDiagonal()
    {
        var productionHouse = new GeoPoint(-0.89500, 119.87000);
        var checkIn = new GeoPoint(-0.89418, 119.87070);

        Assert.Equal(119.88, GeoDistance.Meters(productionHouse, checkIn), 0.01);
        Assert.Equal(GeoDistance.Meters(productionHouse, checkIn), GeoDistance.Meters(checkIn, productionHouse), 1e-9);
    }

    [Fact]
    public void Meters_ReturnsAbout120Km_WhenJakartaMonasToBandungGedungSate()
    {
        var meters = GeoDistance.Meters(new GeoPoint(-6.175392, 106.827153), new GeoPoint(-6.917464, 107.619123));

        Assert.Equal(120_261.77, meters, 0.01);
    }

    [Fact]
    public void Meters_ReturnsZero_WhenSamePoint()
    {
        Assert.Equal(0, GeoDistance.Meters(new GeoPoint(-0.9, 119.87), new GeoPoint(-0.9, 119.87)));
    }

    [Fact]
    public void Meters_ReturnsHalfCircumference_WhenAntipodal()
    {
        var meters = GeoDistance.Meters(new GeoPoint(0, 0), new GeoPoint(0, 180));

        Assert.Equal(Math.PI * GeoDistance.EarthRadiusMeters, meters, 1e-3);
    }
}
