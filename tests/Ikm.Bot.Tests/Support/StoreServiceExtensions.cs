using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bot.Tests.Support;

internal static class StoreServiceExtensions
{
    /// <summary>Wraps whatever IBotStore the host registered in a <see cref="SwitchableStore"/>.</summary>
    public static void WrapStoreInSwitch(this IServiceCollection services)
    {
        var original = services.Single(d => d.ServiceType == typeof(IBotStore));
        services.Remove(original);
        services.AddSingleton<IBotStore>(sp => new SwitchableStore(original.ImplementationFactory is { } factory
            ? (IBotStore)factory(sp)
            : original.ImplementationInstance as IBotStore ?? (IBotStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
    }
}
