namespace Flipside.Tests.Support;

/// <summary>A test class whose every test gets its own app, with a first administrator signed in.</summary>
public abstract class AdministeredTests : IAsyncLifetime
{
    protected FlipsideFactory App { get; } = new();
    protected HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync() => Admin = await Given.AnAdministrator(App);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
