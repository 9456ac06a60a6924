using Flipside.Infrastructure.Startup;

// One binary: the web app, its background jobs and the admin CLI. The CLI decides what to run.
return await FlipsideCli.RunAsync(args);

public partial class Program;
