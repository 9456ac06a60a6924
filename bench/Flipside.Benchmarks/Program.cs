using Flipside.Benchmarks;
using Flipside.Matching.Assignment;

try
{
    return args.Length == 0 ? Usage() : args[0] switch
    {
        "solve" => SolveCommand.Run(new Arguments(args[1..])),
        "generate" => InstanceGenerator.Run(new Arguments(args[1..])),
        "ortools" => OrToolsCommand.Run(new Arguments(args[1..])),
        "profiles" => CohortCommands.Profiles(new Arguments(args[1..])),
        "resolve" => CohortCommands.Resolve(new Arguments(args[1..])),
        _ => Usage(),
    };
}
catch (Exception e) when (e is InstanceFormatException or AssignmentException or ArgumentException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (Exception e)
{
    // The process boundary: one line, never a stack trace.
    Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
    return 3;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Flipside.Benchmarks solve --instance FILE [--assign-out FILE] [--reps N] [--candidates K]
               Flipside.Benchmarks ortools --instance FILE [--reps N]
               Flipside.Benchmarks generate --kind dense|capacitated|sparse --mentees N --mentors M [--candidates C] [--seed S] --out FILE
               Flipside.Benchmarks profiles [--mentees 10000] [--mentors 50000] [--seed S]
               Flipside.Benchmarks resolve [--size 500] [--reps N]
        """);
    return 2;
}
