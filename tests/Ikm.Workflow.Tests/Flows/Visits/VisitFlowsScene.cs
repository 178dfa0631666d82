using Ikm.Workflow.Businesses;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Flows.Visits.CheckIn;
using Ikm.Workflow.Flows.Visits.CheckOut;
using Ikm.Workflow.Flows.Visits.Retro;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikm.Workflow.Tests.Flows.Visits;

/// <summary>A mentor (the harness's chat) with one IKM in Palu whose production house is known.</summary>
public static class VisitFlowsScene
{
    public static readonly GeoPoint House = new(-0.8917, 119.8707);

    public static async Task<(InMemoryStore Store, Business Business)> SeedAsync()
    {
        var store = new InMemoryStore();
        var cohort = new Cohort { Id = "c1", TimeZoneId = "Asia/Makassar", StartDate = new DateOnly(2026, 9, 1) };
        var business = new Business { Id = Guid.NewGuid(), OwnerUserId = 77, BusinessName = "Abon Ikan Mama Ani", Commodity = "abon", Location = House };
        var assignment = new Assignment { Id = "a1", CohortId = cohort.Id, BusinessId = business.Id, MentorUserId = FlowHarness.ChatId };
        await store.CommitAsync([new ChangeSet { Documents = [new(business), new(cohort), new(assignment)] }], CancellationToken.None);
        return (store, business);
    }

    public static Member Mentor => new() { UserId = FlowHarness.ChatId, ChatId = FlowHarness.ChatId, Role = MemberRole.Mentor };

    public static FlowHarness CheckIn(InMemoryStore store) => new(new CheckInFlow(NullLogger<CheckInFlow>.Instance), Mentor, store);

    public static FlowHarness CheckOut(InMemoryStore store) =>
        new(new CheckOutFlow(TestCatalog.Instance, new QuestionPrompter()), Mentor, store);

    public static FlowHarness Retro(InMemoryStore store) =>
        new(new RetroVisitFlow(new CheckOutFlow(TestCatalog.Instance, new QuestionPrompter()), NullLogger<RetroVisitFlow>.Instance), Mentor, store);
}
