using Flipside.Data;
using Flipside.Features;
using Flipside.Features.Account;
using Flipside.Features.Chat;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Email;
using Flipside.Infrastructure.Jobs;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Startup;

/// <summary>The composition root: services, then the request pipeline.</summary>
public static class FlipsideApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Serve wwwroot from the project folder when run with `dotnet run`; a no-op once published.
        builder.WebHost.UseStaticWebAssets();
        var settings = FlipsideSettings.From(builder.Configuration);
        var services = builder.Services;

        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        if (settings.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<FlipsideDb, PostgresFlipsideDb>(o => o.UseNpgsql(settings.ConnectionString));
        else
            services.AddDbContext<FlipsideDb, SqliteFlipsideDb>(o => o.UseSqlite(settings.ConnectionString).AddInterceptors(new SqliteBusyTimeout()));

        services.AddFlipsideKeys();
        services.AddFlipsideIdentity(builder.Configuration);
        services.AddFlipsideSingleSignOn(builder.Configuration);
        Features.Scim.ScimAuthentication.AddScim(services);
        // One viewer per request: whoever is signed in. Jobs and CLI verbs make their own with Viewer.System.
        services.AddHttpContextAccessor();
        services.AddScoped(sp => Viewer.Of(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User, sp.GetRequiredService<FlipsideDb>()));
        services.AddFlipsideRateLimits(builder.Configuration);
        services.AddFlipsideEmail(builder.Configuration);
        // After the SMTP settings: a typo there is the first thing to say, and it decides whether mail leaves at all.
        PublicUrl.AddPublicUrl(services, builder.Configuration);
        services.AddFlipsideJobs();
        services.AddJob<Features.Pairings.RemindMentorRequests>(Features.Pairings.RemindMentorRequests.Name, every: TimeSpan.FromHours(1));
        // Every 15 minutes, so a nudge meant for 9:00 in someone's time zone goes within a quarter of an hour of it.
        services.AddJob<Features.Nudges.SendNudges>(Features.Nudges.SendNudges.Name, every: TimeSpan.FromMinutes(15));
        // Hourly: a milestone is a day's news, and the first-meeting one follows the meeting's log within the hour.
        services.AddJob<Features.Celebration.RecordMilestones>(Features.Celebration.RecordMilestones.Name, every: TimeSpan.FromHours(1));
        services.AddNudgeSource<Features.Sessions.MeetingNudges>();
        services.AddNudgeSource<Features.Training.TrainingNudges>();
        services.AddNudgeSource<Features.Agreements.AgreementNudges>();
        services.AddNudgeSource<Features.Nudges.ManagerDigest>();
        services.AddNudgeSource<Features.Surveys.SurveyReminders>();
        services.AddChat(builder.Configuration);
        services.AddJob<Features.Surveys.OpenDueSurveys>(Features.Surveys.OpenDueSurveys.Name, every: TimeSpan.FromHours(1));
        services.AddJob<Features.Surveys.ReleaseHeldAnswers>(Features.Surveys.ReleaseHeldAnswers.Name, every: TimeSpan.FromMinutes(15));
        // Every 30 seconds: an entry is outside the chain, and so unprotected, only until the next seal.
        services.AddJob<Features.Audit.SealAuditLog>(Features.Audit.SealAuditLog.Name, every: TimeSpan.FromSeconds(30));
        // Daily: retention is counted in months after a pairing ends.
        services.AddJob<Features.Privacy.RetentionJob>(Features.Privacy.RetentionJob.Name, every: TimeSpan.FromDays(1));
        // A cache that only saves work: what it keeps is checked against the database on every use (CompiledCohorts).
        services.AddMemoryCache();
        services.AddProblemDetails();
        // Enums travel as their names ("Mentor", "Enrolled"), which API clients can read and write. A number is
        // refused: {"role": 7} would otherwise store a value the enum does not have.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)));
        // Minimal APIs throw, rather than answer a bare 400, for a body they cannot read, so that JsonBodyErrorHandler
        // can name the field. Post-configured: the framework's own default (throw in Development only) comes later.
        services.PostConfigure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<JsonBodyErrorHandler>();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi(ApiTokenSetup.DeclareBearer);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AllowAnonymousToPage("/Shared/Error");
            o.Conventions.AllowAnonymousToPage("/Shared/NotFound");
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            o.Conventions.AuthorizeFolder("/Scim", Policies.Administrator);
            o.Conventions.AuthorizeFolder("/People", Policies.ProgramStaff);
            o.Conventions.AuthorizeFolder("/Programs", Policies.ProgramStaff);
            o.Conventions.AuthorizeFolder("/Matching", Policies.ProgramStaff);
            o.Conventions.AuthorizePage("/Enrollment/Roster", Policies.ProgramStaff);
            o.Conventions.AuthorizePage("/Enrollment/Participant", Policies.ProgramStaff);
            o.Conventions.AllowAnonymousToPage("/Enrollment/Approval");
            foreach (var page in new[] { "/Training/Program", "/Training/Edit", "/Training/Cohort" })
                o.Conventions.AuthorizePage(page, Policies.ProgramStaff);
            o.Conventions.AuthorizePage("/Sessions/Cohort", Policies.ProgramStaff);
            o.Conventions.AuthorizePage("/Health/Pair", Policies.ProgramStaff);
        });
        services.AddSingleton<SetupState>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var app = builder.Build();
        app.UseFlipsidePipeline();
        return app;
    }

    private static void UseFlipsidePipeline(this WebApplication app)
    {
        // Behind a TLS-terminating proxy on this host, the request's scheme is the proxy's X-Forwarded-Proto: the https
        // cookies (decision 0025) and antiforgery need to know the browser's connection was secure.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseSecurityHeaders();
        app.UseFetchMetadataPolicy();
        app.UseBodyLimits(app.Configuration);
        app.UseExceptionHandler("/Shared/Error");
        // API clients get ProblemDetails for empty error responses; people get a page that helps them on.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Shared/NotFound"));
        app.UseRouting();
        SetupState.UseSetupGate(app);
        app.UseAuthentication();
        Features.Account.TwoStepGate.UseTwoStepGate(app, app.Configuration);
        // Before authorization, so that the 403 a role's policy gives is audited with the use cases' refusals.
        Features.Audit.AuditedRequests.UseAuditedRequests(app);
        // After authentication, so that exports and bulk requests are limited per account.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous().DisableRateLimiting();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapFlipsideApi();
        Features.Scim.ScimApi.MapScimApi(app);
    }
}
