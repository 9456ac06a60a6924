using Flipside.Features.Account;
using Flipside.Features.Admin;
using Flipside.Features.Agreements;
using Flipside.Features.ApiTokens;
using Flipside.Features.Audit;
using Flipside.Features.Celebration;
using Flipside.Features.Chat;
using Flipside.Features.Conversations;
using Flipside.Features.Enrollment;
using Flipside.Features.Goals;
using Flipside.Features.Health;
using Flipside.Features.Impact;
using Flipside.Features.Insights;
using Flipside.Features.Matching;
using Flipside.Features.Nudges;
using Flipside.Features.Pairings;
using Flipside.Features.People;
using Flipside.Features.Programs;
using Flipside.Features.Sessions;
using Flipside.Features.Sponsors;
using Flipside.Features.Surveys;
using Flipside.Features.Training;
using Flipside.Infrastructure.Security;
using Flipside.Infrastructure.Startup;

namespace Flipside.Features;

public static class FlipsideApi
{
    /// <summary>Every feature's endpoints, under /api/v1; each group states who may call it.</summary>
    public static void MapFlipsideApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.ApiScope).LimitRequestBodies();
        api.MapGroup("/account").WithTags("Account").MapAccountApi();
        api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator).MapAdminApi();
        api.MapGroup("/people").WithTags("People").RequireAuthorization(Policies.ProgramStaff).MapPeopleApi();
        api.MapEnrollmentApi();
        api.MapProgramsApi();
        api.MapMatchingApi();
        api.MapSelfMatchingApi();
        api.MapRankedChoiceApi();
        api.MapNudgesApi();
        api.MapConversationsApi();
        api.MapTrainingApi();
        api.MapSessionsApi();
        api.MapAgreementsApi();
        api.MapGoalsApi();
        api.MapCelebrationApi();
        api.MapInsightsApi();
        api.MapSponsorsApi();
        api.MapSurveysApi();
        api.MapImpactApi();
        api.MapHealthApi();
        api.MapApiTokensApi();
        api.MapChatApi();
        api.MapGroup("").RequireAuthorization(Policies.Administrator).MapAuditApi();
    }
}
