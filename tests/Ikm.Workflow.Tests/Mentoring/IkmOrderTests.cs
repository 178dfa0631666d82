using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Tests.Mentoring;

public sealed class IkmOrderTests
{
    private sealed record Item(Guid BusinessId, string? Name);

    [Fact]
    public void ByBusinessName_OrdersByNameIgnoringCase_ThenById_WhateverTheInputOrder()
    {
        var low = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var high = Guid.Parse("ffffffff-0000-0000-0000-000000000000");
        Item[] items =
        [
            new(Guid.Parse("10000000-0000-0000-0000-000000000000"), "bawang Goreng Nunu"),
            new(high, "Abon Tuna"),
            new(Guid.Parse("20000000-0000-0000-0000-000000000000"), "Abon cakalang"),
            new(low, "Abon Tuna"),
            new(Guid.Parse("30000000-0000-0000-0000-000000000000"), null),
        ];

        var forward = items.ByBusinessName(i => i.Name, i => i.BusinessId).Select(i => (i.Name, i.BusinessId)).ToList();
        var backward = items.Reverse().ByBusinessName(i => i.Name, i => i.BusinessId).Select(i => (i.Name, i.BusinessId)).ToList();

        Assert.Equal([null, "Abon cakalang", "Abon Tuna", "Abon Tuna", "bawang Goreng Nunu"], forward.Select(i => i.Name));
        Assert.Equal(low, forward[2].BusinessId);
        Assert.Equal(forward, backward);
    }
}
