using System.CommandLine;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Startup;

namespace Flipside.Features.Audit;

/// <summary><c>flipside audit verify</c>: checks the audit log's hash chain and names the first broken link.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check that no audit entry was changed or deleted since it was chained; exits 1 at the first broken link");
        verify.TreatUnmatchedTokensAsErrors = false; // configuration in the --Section:Key=value form passes through
        verify.SetAction((parsed, _) => VerifyAsync(parsed, FlipsideCli.PassThrough(parsed)));
        return new Command("audit", "The audit log") { verify };
    }

    private static Task<int> VerifyAsync(ParseResult parsed, string[] passThrough) =>
        ServeCommand.RunGuarded(ServeCommand.HostArgs(parsed, passThrough, demo: false, demoPassword: null), async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await VerifyAuditLog.Handle(scope.ServiceProvider.GetRequiredService<FlipsideDb>(), CancellationToken.None);
            var waiting = result.Unsealed == 0 ? "" : $" Not chained yet: {Entries(result.Unsealed, "newer entry")} (the seal job chains them within a minute).";
            if (!result.Intact)
            {
                await Console.Error.WriteLineAsync($"BROKEN at audit entry {result.BrokenAt}: {result.Problem}. " +
                    $"The {Entries(result.Chained, "entry")} before it are intact.{waiting}");
                return 1;
            }
            // The head names the chain's end, so an operator who keeps it elsewhere can tell later that nothing was cut off.
            Console.WriteLine($"OK: {Entries(result.Chained, "entry")} chained, none changed or missing; head {result.Head}.{waiting}");
            return 0;
        });

    private static string Entries(long n, string noun) => Words.Count((int)Math.Min(n, int.MaxValue), noun);
}
