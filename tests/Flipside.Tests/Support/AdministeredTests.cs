namespace Flipside.Tests.Support;

/// <summary>
/// A test class whose tests share one app (its configuration never changes between them), emptied before each test,
/// with a first administrator signed in: starting an app and migrating its database cost more than most tests.
/// </summary>
public abstract class AdministeredTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    protected FlipsideFactory App { get; } = app;
    protected HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        Admin = await Given.AnAdministrator(App);
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;
}
