// Names of media's queued jobs, shared by those who enqueue and jobs.ts.
export const PROCESS_PHOTO = 'media.process-photo';
export const DELETE_OBJECTS = 'media.delete-objects';
export const ERASE_ARCHIVED_LISTING = 'media.erase-archived-listing';
export const SWEEP_ABANDONED_UPLOADS = 'media.sweep-abandoned-uploads';
