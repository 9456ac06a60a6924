using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Matching.Profiles;
using EngineMode = Flipside.Matching.Profiles.MeetingMode;
using MeetingMode = Flipside.Domain.MeetingMode;

namespace Flipside.Tests.Matching;

/// <summary>The app and the engine agree on names and defaults, so neither can drift alone.</summary>
public class SharedNamesTests
{
    public static TheoryData<MeetingMode> AppModes() => [.. Enum.GetValues<MeetingMode>()];

    [Theory]
    [MemberData(nameof(AppModes))]
    public void ToEngine_EveryAppMeetingMode_MapsToTheEngineModeOfTheSameName(MeetingMode mode)
    {
        Assert.Equal(mode.ToString(), CohortMatchRequest.ToEngine(mode).ToString());
    }

    [Fact]
    public void MeetingModes_BothSides_HaveTheSameNames()
    {
        Assert.Equal(Enum.GetNames<MeetingMode>(), Enum.GetNames<EngineMode>());
    }

    [Fact]
    public void NewProgram_StartsWithTheEnginesDefaultGradeGap()
    {
        Assert.Equal(new ProgramRules().MinGradeGap, new EligibilityRules().MinGradeGap);
    }
}
