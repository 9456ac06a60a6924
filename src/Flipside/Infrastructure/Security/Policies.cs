using Flipside.Domain;

namespace Flipside.Infrastructure.Security;

public static class Policies
{
    public const string Administrator = "RequireAdministrator";
    public const string ProgramStaff = "RequireProgramStaff";
    /// <summary>Required on all of /api/v1: an API token reaches only what its scopes cover (ApiTokenSetup).</summary>
    public const string ApiScope = "RequireApiTokenScope";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth) => auth
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(ProgramStaff, p => p.RequireRole(Roles.Administrator, Roles.ProgramManager))
        .AddPolicy(ApiScope, p => p.AddRequirements(new ApiScopeRequirement()));
}
