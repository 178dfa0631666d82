using Hangfire;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Hosting;

/// <summary>The Hangfire dashboard at <see cref="Path"/>: mapped only where someone can be let in, read-only unless configured.</summary>
public static class DashboardEndpoint
{
    public const string Path = "/hangfire";

    public static WebApplication MapIkmDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<SchedulerOptions>();
        var development = app.Environment.IsDevelopment();
        if (!development && !options.HasDashboardCredentials)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardEndpoint).FullName!).LogWarning(
                "The Hangfire dashboard is off: set Scheduler__DashboardUser and Scheduler__DashboardPassword to serve it at {Path}", Path);
            return app;
        }

        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            // Hangfire's default filter lets every local request in: replaced, not added to.
            Authorization = [],
            AsyncAuthorization = [new DashboardAuthorization(options, app.Services.GetRequiredService<IAuditLog>(), development)],
            IsReadOnlyFunc = _ => !options.DashboardWritable,
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
