using Ikm.Scheduler.Exports;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Scheduler.Tests.Support;
using MiniExcelLibs;

namespace Ikm.Scheduler.Tests.Exports;

public sealed class MiniExcelOwnerDataExporterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToXlsx_IsInEnglish_ForAnEnglishOwner_WithNumberAndDateCells()
    {
        var member = new Ikm.Workflow.Members.Member { UserId = 5, Role = MemberRole.Owner, Language = "en" };
        var business = new Business { OwnerName = "Jane", BusinessName = "Jane's Honey", Commodity = "abon", MonthlyTurnover = 1_250_000, Workers = 3, RegisteredAt = Now.AddDays(-3) };
        var snapshot = new OwnerDataSnapshot(member, business, [], Now)
        {
            Memberships = [new OwnerMembership("c1", "Palu 2026", MembershipStatus.Approved, Now.AddDays(-2), Now.AddDays(-1))],
            Visits = [new OwnerVisit(Now.AddHours(-5), Now.AddHours(-1), 4, "Budi", VisitStatus.Completed, null, null, null, null, [], 0)],
        };

        using var xlsx = new MemoryStream(new MiniExcelOwnerDataExporter(ShippedCatalog.Sentra).ToXlsx(snapshot));

        Assert.Equal(["Profile", "Diagnosis", "Answers", "Programs", "Visits", "Evaluations", "Self-assessments", "In progress"], xlsx.GetSheetNames());
        var profile = xlsx.Query(useHeaderRow: true, sheetName: "Profile").Cast<IDictionary<string, object?>>().ToList();
        object? Field(string name) => profile.Single(r => (string?)r["Field"] == name)["Value"];
        Assert.Equal(1_250_000d, Assert.IsType<double>(Field("Monthly turnover (Rp)")));
        Assert.Equal(3d, Field("Workers"));
        Assert.Equal(Now.AddDays(-3).UtcDateTime, Assert.IsType<DateTime>(Field("Registered")));
        Assert.Equal("IKM owner", Field("Role"));
        Assert.Equal("Fish floss", Field("Commodity"));
        Assert.Equal("No", Field("Bank account"));
        var program = Assert.Single(xlsx.Query(useHeaderRow: true, sheetName: "Programs").Cast<IDictionary<string, object?>>());
        Assert.Equal("Approved", program["Status"]);
        var visit = Assert.Single(xlsx.Query(useHeaderRow: true, sheetName: "Visits").Cast<IDictionary<string, object?>>());
        Assert.Equal(("Completed", 4d), ((string?)visit["Status"], visit["Hours"]));
        Assert.Equal(Now.AddHours(-5).UtcDateTime, Assert.IsType<DateTime>(visit["Started (UTC)"]));
    }
}
