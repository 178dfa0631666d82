using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Tests.Documents;

/// <summary>A lookup finds a document only if both write the index the same way: one rule, used by both.</summary>
public sealed class DocumentIndexTests
{
    [Fact]
    public void AVisitIsIndexed_AsItsLookupsAskForIt()
    {
        var business = Guid.NewGuid();
        var visit = new Visit { Id = "v1", CohortId = "c1", BusinessId = business, MentorUserId = 777, Status = VisitStatus.CheckedIn, Photos = [new VisitPhoto("f1", null)] };

        var indexes = visit.Indexes();

        foreach (var lookup in new[] { DocumentIndex.Cohort("c1"), DocumentIndex.Business(business), DocumentIndex.Mentor(777), DocumentIndex.Status(VisitStatus.CheckedIn), DocumentIndex.Photos(Visit.PhotosToCopy) })
            Assert.Equal(lookup.Value, indexes[lookup.Name]);
        Assert.Equal(5, indexes.Count);
    }

    [Fact]
    public void Ids_AreWrittenInvariantly_WhateverTheCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal("1234567", DocumentIndex.Mentor(1234567).Value);
            Assert.Equal(new Evaluation { AuthorUserId = 1234567 }.Indexes()["author"], DocumentIndex.Author(1234567).Value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
