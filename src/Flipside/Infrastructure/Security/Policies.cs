using Flipside.Domain;

namespace Flipside.Infrastructure.Security;

public static class Policies
{
    public const string Administrator = "RequireAdministrator";
    public const string ProgramStaff = "RequireProgramStaff";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder auth) => auth
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(ProgramStaff, p => p.RequireRole(Roles.Administrator, Roles.ProgramManager));
}
