using System.Net;
using System.Net.Http.Json;
using Flipside.Tests.Support;

namespace Flipside.Tests.Programs;

/// <summary>What a new user hit: two programs of one name, and a template link that opened a blank form without a word.</summary>
public sealed class ProgramGuardsTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Fact]
    public async Task AProgramName_AlreadyUsed_IsRefused_ByName_WhoeverManagesTheOther()
    {
        var first = await Create(Pam, AProgram("Digital fluency"));
        var second = await Create(Otto, AProgram("Another"));

        var created = await Otto.PostAsJsonAsync("/api/v1/programs", AProgram("digital FLUENCY"));
        var renamed = await Otto.PutAsJsonAsync($"/api/v1/programs/{second}", AProgram("Digital fluency"));
        var kept = await Pam.PutAsJsonAsync($"/api/v1/programs/{first}", AProgram("Digital fluency"));

        Assert.Equal(["name"], await Fields(created));
        Assert.Contains("already called", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["name"], await Fields(renamed));
        Assert.Equal(HttpStatusCode.NoContent, kept.StatusCode);
        Assert.Equal(2, await CountPrograms());
    }

    [Fact]
    public async Task AnUnknownTemplate_InTheLink_SaysSo()
    {
        var unknown = await (await Pam.GetAsync("/Programs/Edit?template=no-such-template")).Html();
        var blank = await (await Pam.GetAsync("/Programs/Edit")).Html();

        Assert.Contains("There is no template called \"no-such-template\"", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("There is no template", blank, StringComparison.Ordinal);
    }
}
