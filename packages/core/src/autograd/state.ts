// Process-wide flags, as MXNet's thread-local pair (JS runs ops on one thread).
let recording = false;
let training = false;

/**
 * MXNet `autograd.is_recording()`: whether ops are being recorded for backward.
 * @example mx.autograd.record(() => mx.autograd.isRecording()); // true
 */
export function isRecording(): boolean {
  return recording;
}

/**
 * MXNet `autograd.is_training()`: whether ops like Dropout run in training mode.
 * @example mx.autograd.trainMode(() => mx.autograd.isTraining()); // true
 */
export function isTraining(): boolean {
  return training;
}

/**
 * MXNet `autograd.set_recording(flag)`: sets the recording flag, returns its previous value.
 * @example const prev = mx.autograd.setRecording(true); ...; mx.autograd.setRecording(prev);
 */
export function setRecording(flag: boolean): boolean {
  const prev = recording;
  recording = flag;
  return prev;
}

/**
 * MXNet `autograd.set_training(flag)`: sets the training flag, returns its previous value.
 * @example const prev = mx.autograd.setTraining(true); ...; mx.autograd.setTraining(prev);
 */
export function setTraining(flag: boolean): boolean {
  const prev = training;
  training = flag;
  return prev;
}
