using Flipside.Benchmarks;

namespace Flipside.Matching.Tests;

public class SharedInstanceTests
{
    public static TheoryData<string> Instances() =>
        [.. File.ReadAllLines(Path.Combine(SharedFolder(), "expected.tsv")).Skip(1).Select(l => l.Split('\t')[0])];

    [Theory]
    [MemberData(nameof(Instances))]
    public void Solve_SharedInstance_GivesExpectedObjective(string name)
    {
        var expected = File.ReadAllLines(Path.Combine(SharedFolder(), "expected.tsv"))
            .Select(l => l.Split('\t')).Single(f => f[0] == name);
        var file = InstanceFile.Read(File.ReadAllBytes(Path.Combine(SharedFolder(), name)));

        var outcome = InstanceSolver.Solve(file);

        Assert.True(outcome.Proven);
        if (expected[4] == "int32")
        {
            Assert.Equal(expected[5], outcome.Objective);
        }
        else
        {
            double want = double.Parse(expected[5], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(outcome.ObjectiveValue, want - (Math.Abs(want) * 1e-9), want + (Math.Abs(want) * 1e-9));
        }
    }

    [Fact]
    public void Read_WrongMagic_NamesTheProblem()
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedFolder(), "dense-300.bin"));
        bytes[0] = (byte)'X';

        var error = Assert.Throws<InstanceFormatException>(() => InstanceFile.Read(bytes));

        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_NamesTheSection()
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedFolder(), "sparse-2000x10000-top20.bin"));

        var error = Assert.Throws<InstanceFormatException>(() => InstanceFile.Read(bytes[..(bytes.Length / 2)]));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    // The instances are copied beside the test assembly from the project's Instances folder (see the .csproj).
    private static string SharedFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Instances");
        if (!File.Exists(Path.Combine(folder, "expected.tsv")))
            throw new InvalidOperationException($"No expected.tsv in {folder}; the build copies tests/Flipside.Matching.Tests/Instances there.");
        return folder;
    }
}
