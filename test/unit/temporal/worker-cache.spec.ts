import { workerCacheOptions } from '../../../src/temporal/worker-factory';

describe(workerCacheOptions.name, () => {
  it('bounds the workflow cache by default and takes the bounds from the environment', () => {
    expect(workerCacheOptions({})).toEqual({ maxCachedWorkflows: 1000, stickyQueueScheduleToStartTimeout: '10s' });
    expect(workerCacheOptions({ WORKER_MAX_CACHED_WORKFLOWS: '250', WORKER_STICKY_TIMEOUT_SECONDS: '5' })).toEqual({
      maxCachedWorkflows: 250,
      stickyQueueScheduleToStartTimeout: '5s',
    });
    expect(() => workerCacheOptions({ WORKER_MAX_CACHED_WORKFLOWS: 'mucho' })).toThrow('WORKER_MAX_CACHED_WORKFLOWS');
  });
});
