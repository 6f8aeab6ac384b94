// One run at a time of a job that reads the current state and makes the browser match it (the
// registered detector for user-added sites, review M8). Calls while a run is going coalesce into
// one more run after it, which reads the state as it is by then: the last call always wins, and two
// runs never interleave their get / unregister / register.

export function serialized(job: () => Promise<void>, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await job();
      } catch (err) {
        onError(err);
      }
    } while (again);
    running = null;
  };
  return () => {
    if (running) again = true;
    else running = run();
    return running;
  };
}
