using System.CommandLine;
using Flipside.Infrastructure.Startup;

namespace Flipside.Tests.Cli;

/// <summary>The root only parses and invokes: each verb arrives with its own action, from the feature that owns it.</summary>
public sealed class CliVerbTests
{
    private sealed class Probe
    {
        public string[]? PassedOn { get; private set; }

        public Command Verb()
        {
            var verb = new Command("probe", "A verb that only this test registers") { TreatUnmatchedTokensAsErrors = false };
            verb.SetAction((parsed, _) =>
            {
                PassedOn = FlipsideCli.PassThrough(parsed);
                return Task.FromResult(7);
            });
            return verb;
        }
    }

    [Fact]
    public async Task AVerbContributedByRegistration_RunsItsOwnAction_WithTheConfigurationPassedOn()
    {
        var probe = new Probe();

        var exit = await FlipsideCli.RunAsync(["probe", "--Smtp:Host=mail.example.com", "--Jobs:outbox:Interval", "00:01:00"], [probe.Verb()]);

        Assert.Equal(7, exit);
        Assert.Equal(["--Smtp:Host=mail.example.com", "--Jobs:outbox:Interval", "00:01:00"], probe.PassedOn ?? []);
    }

    [Fact]
    public async Task ABareUnknownWordAfterARegisteredVerb_IsAUsageError_AndTheVerbDoesNotRun()
    {
        var probe = new Probe();

        Assert.Equal(FlipsideCli.UsageError, await FlipsideCli.RunAsync(["probe", "frobnicate"], [probe.Verb()]));
        Assert.Null(probe.PassedOn);
    }

    [Fact]
    public void EveryVerbThatRuns_CarriesItsOwnAction()
    {
        // A verb without an action would need dispatching by hand in the root, which is what registration replaced.
        static IEnumerable<Command> Leaves(Command c) => c.Subcommands.Count == 0 ? [c] : c.Subcommands.SelectMany(Leaves);

        var leaves = FlipsideCli.Verbs().SelectMany(Leaves).ToList();

        Assert.Contains(leaves, c => c.Name == "migrate");
        Assert.Contains(leaves, c => c.Name == "people");
        Assert.All(leaves, c => Assert.True(c.Action is not null, $"'{c.Name}' has no action of its own"));
    }
}
