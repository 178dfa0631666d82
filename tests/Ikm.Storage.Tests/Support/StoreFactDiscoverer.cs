using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ikm.Storage.Tests.Support;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string SkipReasonProperty = "SkipReason";

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var reason = SkipReasonOf(testMethod.TestClass.Class.ToRuntimeType());
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
    }

    internal static string? SkipReasonOf(Type? testClass) =>
        testClass?.GetProperty(SkipReasonProperty, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            ?.GetValue(null) as string;
}
