/** The msw server shared by this project's test files; any request without a handler fails the test. */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export const server = setupServer();

/** Starts the server for the calling test file and resets handlers after each test. */
export const useServer = () => {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
};
